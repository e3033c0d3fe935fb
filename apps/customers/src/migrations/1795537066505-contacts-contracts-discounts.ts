import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactsContractsDiscounts1795537066505 implements MigrationInterface {
  name = 'ContactsContractsDiscounts1795537066505';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `contact` (`id` char(36) NOT NULL, `customerId` char(36) NOT NULL, `email` varchar(254) NOT NULL, `name` varchar(200) NOT NULL, `role` varchar(16) NOT NULL, `designated` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX `UQ_contact_customer_email` (`customerId`, `email`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `contract_device` (`contractId` char(36) NOT NULL, `deviceId` char(36) NOT NULL, INDEX `IDX_contract_device_device` (`deviceId`), PRIMARY KEY (`contractId`, `deviceId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `contract` (`id` char(36) NOT NULL, `customerId` char(36) NOT NULL, `reference` varchar(32) NOT NULL, `startsOn` date NOT NULL, `endsOn` date NOT NULL, `options` varchar(200) NOT NULL DEFAULT '', `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX `UQ_contract_reference` (`reference`), INDEX `IDX_contract_customer_term` (`customerId`, `startsOn`, `endsOn`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `service_discount` (`id` char(36) NOT NULL, `serviceCode` varchar(32) NOT NULL, `serviceName` varchar(200) NOT NULL, `percentOff` decimal(5,2) NOT NULL, `validFrom` date NOT NULL, `validUntil` date NULL, UNIQUE INDEX `UQ_service_discount_code` (`serviceCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `site` ADD `addressLine` varchar(300) NULL');
    await queryRunner.query('ALTER TABLE `site` ADD `city` varchar(100) NULL');
    await queryRunner.query('ALTER TABLE `site` ADD `postalCode` varchar(20) NULL');
    await queryRunner.query('ALTER TABLE `site` ADD `subdivision` varchar(10) NULL');
    await queryRunner.query('ALTER TABLE `site` ADD `latitude` decimal(9,6) NULL');
    await queryRunner.query('ALTER TABLE `site` ADD `longitude` decimal(9,6) NULL');
    await queryRunner.query(
      'ALTER TABLE `contact` ADD CONSTRAINT `FK_contact_customer` FOREIGN KEY (`customerId`) REFERENCES `customer`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `contract_device` ADD CONSTRAINT `FK_contract_device_contract` FOREIGN KEY (`contractId`) REFERENCES `contract`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `contract` ADD CONSTRAINT `FK_contract_customer` FOREIGN KEY (`customerId`) REFERENCES `customer`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `contract` DROP FOREIGN KEY `FK_contract_customer`');
    await queryRunner.query('ALTER TABLE `contract_device` DROP FOREIGN KEY `FK_contract_device_contract`');
    await queryRunner.query('ALTER TABLE `contact` DROP FOREIGN KEY `FK_contact_customer`');
    await queryRunner.query('ALTER TABLE `site` DROP COLUMN `longitude`');
    await queryRunner.query('ALTER TABLE `site` DROP COLUMN `latitude`');
    await queryRunner.query('ALTER TABLE `site` DROP COLUMN `subdivision`');
    await queryRunner.query('ALTER TABLE `site` DROP COLUMN `postalCode`');
    await queryRunner.query('ALTER TABLE `site` DROP COLUMN `city`');
    await queryRunner.query('ALTER TABLE `site` DROP COLUMN `addressLine`');
    await queryRunner.query('DROP INDEX `UQ_service_discount_code` ON `service_discount`');
    await queryRunner.query('DROP TABLE `service_discount`');
    await queryRunner.query('DROP INDEX `IDX_contract_customer_term` ON `contract`');
    await queryRunner.query('DROP INDEX `UQ_contract_reference` ON `contract`');
    await queryRunner.query('DROP TABLE `contract`');
    await queryRunner.query('DROP INDEX `IDX_contract_device_device` ON `contract_device`');
    await queryRunner.query('DROP TABLE `contract_device`');
    await queryRunner.query('DROP INDEX `UQ_contact_customer_email` ON `contact`');
    await queryRunner.query('DROP TABLE `contact`');
  }
}
