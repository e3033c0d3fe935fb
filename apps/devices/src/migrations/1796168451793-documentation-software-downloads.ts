import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentationSoftwareDownloads1796168451793 implements MigrationInterface {
  name = 'DocumentationSoftwareDownloads1796168451793';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `software_download` (`id` char(36) NOT NULL, `releaseId` char(36) NOT NULL, `productId` char(36) NOT NULL, `version` varchar(32) NOT NULL, `deviceId` char(36) NULL, `customerId` char(36) NULL, `downloadedBy` varchar(100) NOT NULL, `downloadedAt` datetime(3) NOT NULL, `url` varchar(2000) NOT NULL, INDEX `IDX_software_download_product` (`productId`, `downloadedAt`), INDEX `IDX_software_download_customer` (`customerId`, `downloadedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `product_document` (`id` char(36) NOT NULL, `productId` char(36) NOT NULL, `title` varchar(200) NOT NULL, `kind` varchar(20) NOT NULL, `softwareVersion` varchar(32) NULL, `language` varchar(16) NOT NULL, `publishedAt` datetime(3) NOT NULL, `downloadUrl` varchar(2000) NOT NULL, `publishedBy` varchar(100) NOT NULL, INDEX `IDX_product_document_product` (`productId`, `publishedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `software_release` ADD `downloadUrl` varchar(2000) NULL');
    await queryRunner.query(
      'ALTER TABLE `software_download` ADD CONSTRAINT `FK_software_download_release` FOREIGN KEY (`releaseId`) REFERENCES `software_release`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `product_document` ADD CONSTRAINT `FK_product_document_product` FOREIGN KEY (`productId`) REFERENCES `product`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `product_document` DROP FOREIGN KEY `FK_product_document_product`');
    await queryRunner.query('ALTER TABLE `software_download` DROP FOREIGN KEY `FK_software_download_release`');
    await queryRunner.query('ALTER TABLE `software_release` DROP COLUMN `downloadUrl`');
    await queryRunner.query('DROP INDEX `IDX_product_document_product` ON `product_document`');
    await queryRunner.query('DROP TABLE `product_document`');
    await queryRunner.query('DROP INDEX `IDX_software_download_customer` ON `software_download`');
    await queryRunner.query('DROP INDEX `IDX_software_download_product` ON `software_download`');
    await queryRunner.query('DROP TABLE `software_download`');
  }
}
