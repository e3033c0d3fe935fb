import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReplacementOrderCustomer1795539341573 implements MigrationInterface {
  name = 'ReplacementOrderCustomer1795539341573';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `customerId` char(36) NULL');
    await queryRunner.query('CREATE INDEX `IDX_replacement_order_customer` ON `replacement_order` (`customerId`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_replacement_order_customer` ON `replacement_order`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `customerId`');
  }
}
