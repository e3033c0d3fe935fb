import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IncidentManagement1795537885724 implements MigrationInterface {
  name = 'IncidentManagement1795537885724';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `outbox_event` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `id` char(36) NOT NULL, `topic` varchar(100) NOT NULL, `aggregateKey` varchar(100) NOT NULL, `payload` text NOT NULL, `occurredAt` datetime(3) NOT NULL, `publishedAt` datetime(3) NULL, UNIQUE INDEX `UQ_outbox_event_id` (`id`), INDEX `IDX_outbox_event_unpublished` (`publishedAt`, `sequence`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `incident_audit_entry` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `incidentId` char(36) NOT NULL, `at` datetime(3) NOT NULL, `actor` varchar(100) NOT NULL, `action` varchar(40) NOT NULL, `fromStatus` varchar(24) NULL, `toStatus` varchar(24) NULL, `note` text NULL, INDEX `IDX_incident_audit_entry_incident` (`incidentId`, `sequence`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `incident_escalation` (`id` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `level` tinyint UNSIGNED NOT NULL, `escalatedAt` datetime(3) NOT NULL, `businessAgeMinutes` int UNSIGNED NOT NULL, UNIQUE INDEX `UQ_incident_escalation_level` (`incidentId`, `level`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `partner_incident_request` (`id` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `partner` varchar(30) NOT NULL, `trackingNumber` varchar(100) NOT NULL, `status` varchar(12) NOT NULL, `partnerStatus` varchar(200) NULL, `openedAt` datetime(3) NOT NULL, `closedAt` datetime(3) NULL, INDEX `IDX_partner_incident_request_incident` (`incidentId`), UNIQUE INDEX `UQ_partner_incident_request_tracking` (`partner`, `trackingNumber`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `partner_entitlement_check` (`id` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `partner` varchar(30) NOT NULL, `entitled` tinyint NOT NULL, `termEndsOn` date NULL, `reference` varchar(100) NULL, `checkedAt` datetime(3) NOT NULL, `checkedBy` varchar(100) NOT NULL, INDEX `IDX_partner_entitlement_check_incident` (`incidentId`, `checkedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `partner_status_update` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `requestId` char(36) NOT NULL, `partnerStatus` varchar(200) NOT NULL, `note` text NULL, `reportedAt` datetime(3) NOT NULL, `recordedBy` varchar(100) NOT NULL, INDEX `IDX_partner_status_update_request` (`requestId`, `sequence`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `knowledge_article` (`id` char(36) NOT NULL, `title` varchar(200) NOT NULL, `body` text NOT NULL, `products` text NOT NULL, `tags` text NOT NULL, `publishedAt` datetime(3) NOT NULL, FULLTEXT INDEX `FT_knowledge_article_text` (`title`, `body`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `knowledge_article_product` (`articleId` char(36) NOT NULL, `product` varchar(60) NOT NULL, INDEX `IDX_knowledge_article_product_product` (`product`), PRIMARY KEY (`articleId`, `product`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `incident` ADD `siteId` char(36) NOT NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `contactId` char(36) NOT NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `contractId` varchar(64) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `channel` varchar(8) NOT NULL');
    // Cases from before the response clock: due when reported (a temporary default makes the column addable under NO_ZERO_DATE).
    await queryRunner.query('ALTER TABLE `incident` ADD `responseDueAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)');
    await queryRunner.query('UPDATE `incident` SET `responseDueAt` = `reportedAt`');
    await queryRunner.query('ALTER TABLE `incident` ALTER COLUMN `responseDueAt` DROP DEFAULT');
    await queryRunner.query('ALTER TABLE `incident` ADD `respondedAt` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `respondedBy` varchar(100) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `responseObjectiveMet` tinyint NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `resolvedAt` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `resolution` text NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `closedAt` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `siteTimeZone` varchar(64) NOT NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `siteCountry` char(2) NOT NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `siteSubdivision` varchar(10) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `rootCauseKind` varchar(20) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `rootCauseReference` varchar(100) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `workaround` text NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `fixExpectedInRelease` varchar(50) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `causedByPartner` varchar(30) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `partnerFindings` text NULL');
    await queryRunner.query('CREATE FULLTEXT INDEX `FT_incident_text` ON `incident` (`summary`, `resolution`)');
    await queryRunner.query('CREATE INDEX `IDX_incident_status_due` ON `incident` (`status`, `responseDueAt`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_incident_status_due` ON `incident`');
    await queryRunner.query('DROP INDEX `FT_incident_text` ON `incident`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `partnerFindings`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `causedByPartner`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `fixExpectedInRelease`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `workaround`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `rootCauseReference`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `rootCauseKind`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `siteSubdivision`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `siteCountry`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `siteTimeZone`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `closedAt`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `resolution`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `resolvedAt`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `responseObjectiveMet`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `respondedBy`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `respondedAt`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `responseDueAt`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `channel`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `contractId`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `contactId`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `siteId`');
    await queryRunner.query('DROP INDEX `IDX_knowledge_article_product_product` ON `knowledge_article_product`');
    await queryRunner.query('DROP TABLE `knowledge_article_product`');
    await queryRunner.query('DROP INDEX `FT_knowledge_article_text` ON `knowledge_article`');
    await queryRunner.query('DROP TABLE `knowledge_article`');
    await queryRunner.query('DROP INDEX `IDX_partner_status_update_request` ON `partner_status_update`');
    await queryRunner.query('DROP TABLE `partner_status_update`');
    await queryRunner.query('DROP INDEX `IDX_partner_entitlement_check_incident` ON `partner_entitlement_check`');
    await queryRunner.query('DROP TABLE `partner_entitlement_check`');
    await queryRunner.query('DROP INDEX `UQ_partner_incident_request_tracking` ON `partner_incident_request`');
    await queryRunner.query('DROP INDEX `IDX_partner_incident_request_incident` ON `partner_incident_request`');
    await queryRunner.query('DROP TABLE `partner_incident_request`');
    await queryRunner.query('DROP INDEX `UQ_incident_escalation_level` ON `incident_escalation`');
    await queryRunner.query('DROP TABLE `incident_escalation`');
    await queryRunner.query('DROP INDEX `IDX_incident_audit_entry_incident` ON `incident_audit_entry`');
    await queryRunner.query('DROP TABLE `incident_audit_entry`');
    await queryRunner.query('DROP INDEX `IDX_outbox_event_unpublished` ON `outbox_event`');
    await queryRunner.query('DROP INDEX `UQ_outbox_event_id` ON `outbox_event`');
    await queryRunner.query('DROP TABLE `outbox_event`');
  }
}
