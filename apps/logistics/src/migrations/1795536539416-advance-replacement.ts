import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdvanceReplacement1795536539416 implements MigrationInterface {
  name = 'AdvanceReplacement1795536539416';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `part` (`id` char(36) NOT NULL, `partNumber` varchar(64) NOT NULL, `name` varchar(200) NOT NULL, `productModel` varchar(100) NOT NULL, UNIQUE INDEX `UQ_part_number` (`partNumber`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `price_book` (`id` char(36) NOT NULL, `name` varchar(100) NOT NULL, `currency` char(3) NOT NULL, `validFrom` date NOT NULL, `validTo` date NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `price_book_entry` (`priceBookId` char(36) NOT NULL, `partId` char(36) NOT NULL, `listPrice` decimal(12,2) NOT NULL, PRIMARY KEY (`priceBookId`, `partId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `depot` (`id` char(36) NOT NULL, `code` varchar(32) NOT NULL, `countryCode` char(2) NOT NULL, `subdivision` varchar(10) NULL, `timeZone` varchar(64) NOT NULL, `cutoff` char(5) NOT NULL DEFAULT '15:00', UNIQUE INDEX `UQ_depot_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `depot_coverage` (`countryCode` char(2) NOT NULL, `depotId` char(36) NOT NULL, `priority` tinyint UNSIGNED NOT NULL, PRIMARY KEY (`countryCode`, `depotId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `depot_stock` (`depotId` char(36) NOT NULL, `partId` char(36) NOT NULL, `quantity` int UNSIGNED NOT NULL, PRIMARY KEY (`depotId`, `partId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `shipping_terms` (`countryCode` char(2) NOT NULL, `customsDelayBusinessDays` tinyint UNSIGNED NOT NULL DEFAULT '0', `customerIsImporterOfRecord` tinyint NOT NULL DEFAULT 0, PRIMARY KEY (`countryCode`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `shipment` (`id` char(36) NOT NULL, `orderId` char(36) NOT NULL, `carrier` varchar(40) NOT NULL, `trackingNumber` varchar(64) NOT NULL, `partSerialNumber` varchar(64) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'CREATED', `shippedOn` date NOT NULL, `deliveredAt` datetime(3) NULL, UNIQUE INDEX `UQ_shipment_order` (`orderId`), INDEX `IDX_shipment_part_serial` (`partSerialNumber`), UNIQUE INDEX `UQ_shipment_tracking` (`carrier`, `trackingNumber`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `shipment_event` (`id` char(36) NOT NULL, `shipmentId` char(36) NOT NULL, `at` datetime(3) NOT NULL, `status` varchar(16) NOT NULL, `eta` datetime(3) NULL, `note` varchar(300) NULL, INDEX `IDX_shipment_event_shipment_at` (`shipmentId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `defective_return` (`id` char(36) NOT NULL, `orderId` char(36) NOT NULL, `dueDate` date NOT NULL, `lateFrom` datetime(3) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'EXPECTED', `receivedAt` datetime(3) NULL, UNIQUE INDEX `UQ_defective_return_order` (`orderId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `invoice` (`id` char(36) NOT NULL, `returnId` char(36) NOT NULL, `kind` varchar(12) NOT NULL, `amount` decimal(12,2) NOT NULL, `currency` char(3) NOT NULL, `priceBookId` char(36) NOT NULL, `issuedAt` datetime(3) NOT NULL, UNIQUE INDEX `UQ_invoice_return_kind` (`returnId`, `kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `partId` char(36) NULL');
    await queryRunner.query("ALTER TABLE `replacement_order` ADD `quantity` smallint UNSIGNED NOT NULL DEFAULT '1'");
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `depotId` char(36) NULL');
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `siteId` char(36) NULL');
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `destinationCountry` char(2) NULL');
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `destinationTimeZone` varchar(64) NULL');
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `orderReceivedAt` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `shipDate` date NULL');
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `expectedDelivery` date NULL');
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `expectedDeliveryAt` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `customerIsImporterOfRecord` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query("ALTER TABLE `replacement_order` ADD `customerFreightCharge` decimal(12,2) NOT NULL DEFAULT '0.00'");
    await queryRunner.query('ALTER TABLE `replacement_order` ADD `backorderReason` varchar(200) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `backorderReason`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `customerFreightCharge`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `customerIsImporterOfRecord`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `expectedDeliveryAt`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `expectedDelivery`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `shipDate`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `orderReceivedAt`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `destinationTimeZone`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `destinationCountry`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `siteId`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `depotId`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `quantity`');
    await queryRunner.query('ALTER TABLE `replacement_order` DROP COLUMN `partId`');
    await queryRunner.query('DROP INDEX `UQ_invoice_return_kind` ON `invoice`');
    await queryRunner.query('DROP TABLE `invoice`');
    await queryRunner.query('DROP INDEX `UQ_defective_return_order` ON `defective_return`');
    await queryRunner.query('DROP TABLE `defective_return`');
    await queryRunner.query('DROP INDEX `IDX_shipment_event_shipment_at` ON `shipment_event`');
    await queryRunner.query('DROP TABLE `shipment_event`');
    await queryRunner.query('DROP INDEX `UQ_shipment_tracking` ON `shipment`');
    await queryRunner.query('DROP INDEX `IDX_shipment_part_serial` ON `shipment`');
    await queryRunner.query('DROP INDEX `UQ_shipment_order` ON `shipment`');
    await queryRunner.query('DROP TABLE `shipment`');
    await queryRunner.query('DROP TABLE `shipping_terms`');
    await queryRunner.query('DROP TABLE `depot_stock`');
    await queryRunner.query('DROP TABLE `depot_coverage`');
    await queryRunner.query('DROP INDEX `UQ_depot_code` ON `depot`');
    await queryRunner.query('DROP TABLE `depot`');
    await queryRunner.query('DROP TABLE `price_book_entry`');
    await queryRunner.query('DROP TABLE `price_book`');
    await queryRunner.query('DROP INDEX `UQ_part_number` ON `part`');
    await queryRunner.query('DROP TABLE `part`');
  }
}
