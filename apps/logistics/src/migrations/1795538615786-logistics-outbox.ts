import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LogisticsOutbox1795538615786 implements MigrationInterface {
  name = 'LogisticsOutbox1795538615786';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `outbox_event` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `id` char(36) NOT NULL, `topic` varchar(100) NOT NULL, `aggregateKey` varchar(100) NOT NULL, `payload` text NOT NULL, `occurredAt` datetime(3) NOT NULL, `publishedAt` datetime(3) NULL, UNIQUE INDEX `UQ_outbox_event_id` (`id`), INDEX `IDX_outbox_event_unpublished` (`publishedAt`, `sequence`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_outbox_event_unpublished` ON `outbox_event`');
    await queryRunner.query('DROP INDEX `UQ_outbox_event_id` ON `outbox_event`');
    await queryRunner.query('DROP TABLE `outbox_event`');
  }
}
