import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LegalHolds1796171433312 implements MigrationInterface {
  name = 'LegalHolds1796171433312';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `customer_legal_hold` (`customerId` char(36) NOT NULL, `reason` varchar(500) NOT NULL, `setBy` varchar(100) NOT NULL, `setAt` datetime(3) NOT NULL, PRIMARY KEY (`customerId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `privacy_audit_entry` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `at` datetime(3) NOT NULL, `actor` varchar(100) NOT NULL, `action` varchar(40) NOT NULL, `customerId` char(36) NOT NULL, `contactId` char(36) NULL, `reason` varchar(500) NOT NULL, INDEX `IDX_privacy_audit_entry_customer` (`customerId`, `sequence`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_privacy_audit_entry_customer` ON `privacy_audit_entry`');
    await queryRunner.query('DROP TABLE `privacy_audit_entry`');
    await queryRunner.query('DROP TABLE `customer_legal_hold`');
  }
}
