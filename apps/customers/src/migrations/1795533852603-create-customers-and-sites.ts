import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomersAndSites1795533852603 implements MigrationInterface {
  name = 'CreateCustomersAndSites1795533852603';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `site` (`id` char(36) NOT NULL, `customerId` char(36) NOT NULL, `name` varchar(200) NOT NULL, `countryCode` char(2) NOT NULL, `timeZone` varchar(64) NOT NULL, UNIQUE INDEX `IDX_site_customer_name` (`customerId`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `customer` (`id` char(36) NOT NULL, `name` varchar(200) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `site` ADD CONSTRAINT `FK_site_customer` FOREIGN KEY (`customerId`) REFERENCES `customer`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `site` DROP FOREIGN KEY `FK_site_customer`');
    await queryRunner.query('DROP TABLE `customer`');
    await queryRunner.query('DROP INDEX `IDX_site_customer_name` ON `site`');
    await queryRunner.query('DROP TABLE `site`');
  }
}
