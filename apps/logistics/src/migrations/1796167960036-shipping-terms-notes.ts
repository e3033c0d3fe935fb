import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ShippingTermsNotes1796167960036 implements MigrationInterface {
  name = 'ShippingTermsNotes1796167960036';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `shipping_terms` ADD `notes` varchar(500) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `shipping_terms` DROP COLUMN `notes`');
  }
}
