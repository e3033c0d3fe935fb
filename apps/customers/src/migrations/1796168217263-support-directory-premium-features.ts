import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupportDirectoryPremiumFeatures1796168217263 implements MigrationInterface {
  name = 'SupportDirectoryPremiumFeatures1796168217263';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `support_channel` (`id` char(36) NOT NULL, `region` varchar(60) NOT NULL, `countryCode` char(2) NULL, `kind` varchar(8) NOT NULL, `label` varchar(100) NOT NULL, `phoneNumber` varchar(16) NULL, `url` varchar(2000) NULL, `available24x7` tinyint NOT NULL, `openDays` varchar(80) NOT NULL DEFAULT '', `opensAt` char(5) NULL, `closesAt` char(5) NULL, `timeZone` varchar(64) NULL, `languages` varchar(200) NOT NULL, `notes` varchar(500) NULL, `updatedAt` datetime(3) NOT NULL, `updatedBy` varchar(100) NOT NULL, INDEX `IDX_support_channel_place` (`region`, `countryCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query("ALTER TABLE `contract` ADD `premiumFeatures` varchar(200) NOT NULL DEFAULT ''");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `contract` DROP COLUMN `premiumFeatures`');
    await queryRunner.query('DROP INDEX `IDX_support_channel_place` ON `support_channel`');
    await queryRunner.query('DROP TABLE `support_channel`');
  }
}
