import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDevices1795533919507 implements MigrationInterface {
  name = 'CreateDevices1795533919507';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `device` (`id` char(36) NOT NULL, `serialNumber` varchar(32) NOT NULL, `productModel` varchar(100) NOT NULL, `customerId` char(36) NOT NULL, `siteId` char(36) NOT NULL, `registeredAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX `UQ_device_serial_number` (`serialNumber`), INDEX `IDX_device_customer` (`customerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_device_customer` ON `device`');
    await queryRunner.query('DROP INDEX `UQ_device_serial_number` ON `device`');
    await queryRunner.query('DROP TABLE `device`');
  }
}
