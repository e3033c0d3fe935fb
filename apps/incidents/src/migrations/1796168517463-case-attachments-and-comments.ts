import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseAttachmentsAndComments1796168517463 implements MigrationInterface {
  name = 'CaseAttachmentsAndComments1796168517463';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `incident_attachment` (`id` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `customerId` char(36) NOT NULL, `fileName` varchar(255) NOT NULL, `contentType` varchar(100) NOT NULL, `kind` varchar(24) NOT NULL, `size` int UNSIGNED NOT NULL, `sha256` char(64) NOT NULL, `storageKey` varchar(255) NOT NULL, `keyId` varchar(64) NOT NULL, `uploadedBy` varchar(100) NOT NULL, `uploadedAt` datetime(3) NOT NULL, INDEX `IDX_incident_attachment_incident` (`incidentId`, `uploadedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `incident_attachment_download` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `attachmentId` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `customerId` char(36) NOT NULL, `downloadedBy` varchar(100) NOT NULL, `downloadedAt` datetime(3) NOT NULL, INDEX `IDX_incident_attachment_download_attachment` (`attachmentId`, `downloadedAt`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `incident_comment` (`id` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `customerId` char(36) NOT NULL, `body` text NOT NULL, `author` varchar(100) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_incident_comment_incident` (`incidentId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_incident_comment_incident` ON `incident_comment`');
    await queryRunner.query('DROP TABLE `incident_comment`');
    await queryRunner.query('DROP INDEX `IDX_incident_attachment_download_attachment` ON `incident_attachment_download`');
    await queryRunner.query('DROP TABLE `incident_attachment_download`');
    await queryRunner.query('DROP INDEX `IDX_incident_attachment_incident` ON `incident_attachment`');
    await queryRunner.query('DROP TABLE `incident_attachment`');
  }
}
