import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerWebhooks1795546377393 implements MigrationInterface {
  name = 'PartnerWebhooks1795546377393';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `webhook_delivery` (`id` char(36) NOT NULL, `endpointId` char(36) NOT NULL, `eventId` char(36) NOT NULL, `eventType` varchar(100) NOT NULL, `idempotencyKey` varchar(80) NOT NULL, `body` mediumtext NOT NULL, `status` varchar(10) NOT NULL, `attemptCount` int UNSIGNED NOT NULL DEFAULT '0', `lastStatusCode` smallint UNSIGNED NULL, `lastError` varchar(500) NULL, `nextAttemptAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, `deliveredAt` datetime(3) NULL, INDEX `IDX_webhook_delivery_endpoint_created` (`endpointId`, `createdAt`), UNIQUE INDEX `UQ_webhook_delivery_endpoint_event` (`endpointId`, `eventId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `webhook_delivery_attempt` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `deliveryId` char(36) NOT NULL, `attempt` int UNSIGNED NOT NULL, `attemptedAt` datetime(3) NOT NULL, `durationMs` int UNSIGNED NOT NULL, `outcome` varchar(10) NOT NULL, `statusCode` smallint UNSIGNED NULL, `error` varchar(500) NULL, INDEX `IDX_webhook_delivery_attempt_delivery` (`deliveryId`, `sequence`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `webhook_endpoint` (`id` char(36) NOT NULL, `partnerId` varchar(100) NOT NULL, `url` varchar(2000) NOT NULL, `eventTypes` text NOT NULL, `customerIds` text NOT NULL, `secret` varchar(100) NOT NULL, `previousSecret` varchar(100) NULL, `previousSecretExpiresAt` datetime(3) NULL, `status` varchar(10) NOT NULL, `consecutiveFailures` int UNSIGNED NOT NULL DEFAULT '0', `disabledReason` varchar(300) NULL, `disabledAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_webhook_endpoint_partner` (`partnerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_webhook_endpoint_partner` ON `webhook_endpoint`');
    await queryRunner.query('DROP TABLE `webhook_endpoint`');
    await queryRunner.query('DROP INDEX `IDX_webhook_delivery_attempt_delivery` ON `webhook_delivery_attempt`');
    await queryRunner.query('DROP TABLE `webhook_delivery_attempt`');
    await queryRunner.query('DROP INDEX `UQ_webhook_delivery_endpoint_event` ON `webhook_delivery`');
    await queryRunner.query('DROP INDEX `IDX_webhook_delivery_endpoint_created` ON `webhook_delivery`');
    await queryRunner.query('DROP TABLE `webhook_delivery`');
  }
}
