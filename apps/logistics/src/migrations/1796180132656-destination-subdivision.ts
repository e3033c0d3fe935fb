import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DestinationSubdivision1796180132656 implements MigrationInterface {
  name = 'DestinationSubdivision1796180132656';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `destinationSubdivision` varchar(16) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `destinationSubdivision`');
  }
}
