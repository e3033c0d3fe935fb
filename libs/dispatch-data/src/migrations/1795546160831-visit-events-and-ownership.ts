import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VisitEventsAndOwnership1795546160831 implements MigrationInterface {
  name = 'VisitEventsAndOwnership1795546160831';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `outbox_event` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `id` char(36) NOT NULL, `topic` varchar(100) NOT NULL, `aggregateKey` varchar(100) NOT NULL, `payload` text NOT NULL, `occurredAt` datetime(3) NOT NULL, `publishedAt` datetime(3) NULL, UNIQUE INDEX `UQ_outbox_event_id` (`id`), INDEX `IDX_outbox_event_unpublished` (`publishedAt`, `sequence`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `customerId` char(36) NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `replacementOrderId` char(36) NULL');
    await queryRunner.query('CREATE INDEX `IDX_onsite_visit_customer` ON `onsite_visit` (`customerId`)');
    await queryRunner.query('CREATE UNIQUE INDEX `UQ_onsite_visit_replacement_order` ON `onsite_visit` (`replacementOrderId`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `UQ_onsite_visit_replacement_order` ON `onsite_visit`');
    await queryRunner.query('DROP INDEX `IDX_onsite_visit_customer` ON `onsite_visit`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `replacementOrderId`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `customerId`');
    await queryRunner.query('DROP INDEX `IDX_outbox_event_unpublished` ON `outbox_event`');
    await queryRunner.query('DROP INDEX `UQ_outbox_event_id` ON `outbox_event`');
    await queryRunner.query('DROP TABLE `outbox_event`');
  }
}
