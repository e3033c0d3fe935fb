import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TechnicianWorkingWeek1795550612467 implements MigrationInterface {
  name = 'TechnicianWorkingWeek1795550612467';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `technician` ADD `weeklyHours` text NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `technician` DROP COLUMN `weeklyHours`');
  }
}
