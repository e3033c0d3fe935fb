import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecurityNotices1796168853538 implements MigrationInterface {
  name = 'SecurityNotices1796168853538';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `security_notice` (`id` char(36) NOT NULL, `kind` varchar(8) NOT NULL, `severity` varchar(8) NOT NULL, `title` varchar(200) NOT NULL, `summary` text NOT NULL, `detectedAt` datetime(3) NOT NULL, `status` varchar(10) NOT NULL, `notifiedAt` datetime(3) NULL, `recordedAt` datetime(3) NOT NULL, `recordedBy` varchar(100) NOT NULL, `publishedBy` varchar(100) NULL, INDEX `IDX_security_notice_status` (`status`, `notifiedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `security_notice_recipient` (`noticeId` char(36) NOT NULL, `customerId` char(36) NOT NULL, `acknowledgedAt` datetime(3) NULL, `acknowledgedBy` varchar(100) NULL, INDEX `IDX_security_notice_recipient_customer` (`customerId`), PRIMARY KEY (`noticeId`, `customerId`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_security_notice_recipient_customer` ON `security_notice_recipient`');
    await queryRunner.query('DROP TABLE `security_notice_recipient`');
    await queryRunner.query('DROP INDEX `IDX_security_notice_status` ON `security_notice`');
    await queryRunner.query('DROP TABLE `security_notice`');
  }
}
