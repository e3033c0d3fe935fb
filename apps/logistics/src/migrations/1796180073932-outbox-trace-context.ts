import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxTraceContext1796180073932 implements MigrationInterface {
  name = 'OutboxTraceContext1796180073932';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `outbox_event` ADD `traceparent` varchar(55) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `outbox_event` DROP COLUMN `traceparent`');
  }
}
