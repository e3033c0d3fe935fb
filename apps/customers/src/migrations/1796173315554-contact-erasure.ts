import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactErasure1796173315554 implements MigrationInterface {
  name = 'ContactErasure1796173315554';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `contact_erasure_step` (`contactId` char(36) NOT NULL, `service` varchar(32) NOT NULL, `completedAt` datetime(3) NOT NULL, `changedRows` int UNSIGNED NOT NULL, `deletedFiles` int UNSIGNED NOT NULL, PRIMARY KEY (`contactId`, `service`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `contact_erasure` (`contactId` char(36) NOT NULL, `customerId` char(36) NOT NULL, `pseudonym` varchar(40) NOT NULL, `reason` varchar(500) NOT NULL, `requestedBy` varchar(100) NOT NULL, `requestedAt` datetime(3) NOT NULL, `completedAt` datetime(3) NULL, INDEX `IDX_contact_erasure_customer` (`customerId`), PRIMARY KEY (`contactId`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_contact_erasure_customer` ON `contact_erasure`');
    await queryRunner.query('DROP TABLE `contact_erasure`');
    await queryRunner.query('DROP TABLE `contact_erasure_step`');
  }
}
