import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1796168235862 implements MigrationInterface {
  name = 'CreateNotifications1796168235862';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `mail_bounce` (`id` char(36) NOT NULL, `email` varchar(254) NOT NULL, `kind` varchar(8) NOT NULL, `source` varchar(8) NOT NULL, `diagnostic` varchar(500) NOT NULL, `deliveryId` char(36) NULL, `occurredAt` datetime(3) NOT NULL, `clearedAt` datetime(3) NULL, `clearedBy` varchar(100) NULL, INDEX `IDX_mail_bounce_email` (`email`, `kind`, `clearedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `mail_delivery` (`id` char(36) NOT NULL, `sourceKey` varchar(80) NOT NULL, `contactId` char(36) NOT NULL, `customerId` char(36) NULL, `toAddress` varchar(254) NOT NULL, `recipientName` varchar(200) NOT NULL, `kind` varchar(32) NOT NULL, `content` mediumtext NOT NULL, `timeZone` varchar(64) NOT NULL, `locale` varchar(16) NOT NULL, `status` varchar(16) NOT NULL, `subject` varchar(300) NULL, `html` mediumtext NULL, `text` mediumtext NULL, `renderedAt` datetime(3) NULL, `messageId` varchar(200) NOT NULL, `inReplyTo` varchar(500) NULL, `attempts` int NOT NULL DEFAULT '0', `lastError` varchar(500) NULL, `createdAt` datetime(3) NOT NULL, `sentAt` datetime(3) NULL, INDEX `IDX_mail_delivery_contact_created` (`contactId`, `createdAt`), UNIQUE INDEX `UQ_mail_delivery_source_contact` (`sourceKey`, `contactId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `inbound_mail` (`id` char(36) NOT NULL, `dedupeKey` char(64) NOT NULL, `messageId` varchar(500) NULL, `fromAddress` varchar(254) NOT NULL, `contactId` char(36) NULL, `customerId` char(36) NULL, `subject` varchar(300) NOT NULL, `receivedAt` datetime(3) NOT NULL, `spf` varchar(16) NOT NULL, `dkim` varchar(16) NOT NULL, `dmarc` varchar(16) NOT NULL, `outcome` varchar(32) NOT NULL, `detail` varchar(500) NULL, `registeredCount` int NOT NULL DEFAULT '0', `refusedCount` int NOT NULL DEFAULT '0', `replyDeliveryId` char(36) NULL, `sizeBytes` int NOT NULL, INDEX `IDX_inbound_mail_received` (`receivedAt`), UNIQUE INDEX `UQ_inbound_mail_dedupe` (`dedupeKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `digest_entry` (`id` char(36) NOT NULL, `eventId` varchar(80) NOT NULL, `contactId` char(36) NOT NULL, `customerId` char(36) NOT NULL, `kind` varchar(32) NOT NULL, `notice` mediumtext NOT NULL, `timeZone` varchar(64) NOT NULL, `occurredAt` datetime(3) NOT NULL, `dueAt` datetime(3) NOT NULL, `deliveryId` char(36) NULL, INDEX `IDX_digest_entry_contact` (`contactId`, `deliveryId`), INDEX `IDX_digest_entry_due` (`deliveryId`, `dueAt`), UNIQUE INDEX `UQ_digest_entry_event_contact` (`eventId`, `contactId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `visit_notice_state` (`visitId` char(36) NOT NULL, `windowStart` datetime(3) NULL, `windowEnd` datetime(3) NULL, `status` varchar(24) NOT NULL, `updatedAt` datetime(3) NOT NULL, PRIMARY KEY (`visitId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `notification_preference` (`contactId` char(36) NOT NULL, `customerId` char(36) NOT NULL, `mode` varchar(16) NOT NULL DEFAULT 'IMMEDIATE', `caseUpdates` tinyint NOT NULL DEFAULT 1, `replacementParts` tinyint NOT NULL DEFAULT 1, `returns` tinyint NOT NULL DEFAULT 1, `onsiteVisits` tinyint NOT NULL DEFAULT 1, `securityNotices` tinyint NOT NULL DEFAULT 1, `timeZone` varchar(64) NULL, `locale` varchar(16) NULL, `digestHour` tinyint NULL, `updatedAt` datetime(3) NOT NULL, `updatedBy` varchar(100) NOT NULL, INDEX `IDX_notification_preference_customer` (`customerId`), PRIMARY KEY (`contactId`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_notification_preference_customer` ON `notification_preference`');
    await queryRunner.query('DROP TABLE `notification_preference`');
    await queryRunner.query('DROP TABLE `visit_notice_state`');
    await queryRunner.query('DROP INDEX `UQ_digest_entry_event_contact` ON `digest_entry`');
    await queryRunner.query('DROP INDEX `IDX_digest_entry_due` ON `digest_entry`');
    await queryRunner.query('DROP INDEX `IDX_digest_entry_contact` ON `digest_entry`');
    await queryRunner.query('DROP TABLE `digest_entry`');
    await queryRunner.query('DROP INDEX `UQ_inbound_mail_dedupe` ON `inbound_mail`');
    await queryRunner.query('DROP INDEX `IDX_inbound_mail_received` ON `inbound_mail`');
    await queryRunner.query('DROP TABLE `inbound_mail`');
    await queryRunner.query('DROP INDEX `UQ_mail_delivery_source_contact` ON `mail_delivery`');
    await queryRunner.query('DROP INDEX `IDX_mail_delivery_contact_created` ON `mail_delivery`');
    await queryRunner.query('DROP TABLE `mail_delivery`');
    await queryRunner.query('DROP INDEX `IDX_mail_bounce_email` ON `mail_bounce`');
    await queryRunner.query('DROP TABLE `mail_bounce`');
  }
}
