import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Poly models the service covers from day one (more are added with createProduct). */
const INITIAL_CATALOG = [
  { model: 'Studio X50', name: 'Poly Studio X50 video bar', productType: 'ROOM', onsiteEligible: true },
  { model: 'Studio X30', name: 'Poly Studio X30 video bar', productType: 'ROOM', onsiteEligible: true },
  { model: 'G7500', name: 'Poly G7500 video conferencing system', productType: 'ROOM', onsiteEligible: true },
  { model: 'Trio C60', name: 'Poly Trio C60 conference phone', productType: 'PHONE', onsiteEligible: true },
  { model: 'CCX 600', name: 'Poly CCX 600 business media phone', productType: 'PHONE', onsiteEligible: false },
  { model: 'Voyager Focus 2', name: 'Poly Voyager Focus 2 headset', productType: 'PERSONAL', onsiteEligible: false },
  { model: 'Sync 60', name: 'Poly Sync 60 speakerphone', productType: 'PERSONAL', onsiteEligible: false },
  { model: 'Studio P15', name: 'Poly Studio P15 personal video bar', productType: 'PERSONAL', onsiteEligible: false },
];

export class ProductsCoverageSoftwareLicences1795537268482 implements MigrationInterface {
  name = 'ProductsCoverageSoftwareLicences1795537268482';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `product` (`id` char(36) NOT NULL, `model` varchar(100) NOT NULL, `name` varchar(200) NOT NULL, `productType` varchar(16) NOT NULL, `onsiteEligible` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `UQ_product_model` (`model`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `onsite_availability_rule` (`id` char(36) NOT NULL, `countryCode` char(2) NOT NULL, `subdivision` varchar(10) NOT NULL DEFAULT '', `productType` varchar(16) NOT NULL, `available` tinyint NOT NULL, UNIQUE INDEX `UQ_onsite_rule_place_type` (`countryCode`, `subdivision`, `productType`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `software_release` (`id` char(36) NOT NULL, `productId` char(36) NOT NULL, `version` varchar(32) NOT NULL, `releasedOn` date NOT NULL, UNIQUE INDEX `UQ_software_release_product_version` (`productId`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `licence` (`id` char(36) NOT NULL, `deviceId` char(36) NOT NULL, `feature` varchar(100) NOT NULL, `licenceKey` varchar(29) NOT NULL, `issuedOn` date NOT NULL, `expiresOn` date NULL, UNIQUE INDEX `UQ_licence_key` (`licenceKey`), INDEX `IDX_licence_device` (`deviceId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    // The initial catalog, then a product for any other model already registered, so existing
    // devices keep their model when productModel becomes a reference to the catalog.
    await queryRunner.query(
      'INSERT INTO `product` (`id`, `model`, `name`, `productType`, `onsiteEligible`) VALUES ' +
        INITIAL_CATALOG.map(() => '(UUID(), ?, ?, ?, ?)').join(', '),
      INITIAL_CATALOG.flatMap((p) => [p.model, p.name, p.productType, p.onsiteEligible ? 1 : 0]),
    );
    await queryRunner.query(
      "INSERT INTO `product` (`id`, `model`, `name`, `productType`, `onsiteEligible`) SELECT UUID(), d.`productModel`, d.`productModel`, 'ROOM', 0 FROM `device` d LEFT JOIN `product` p ON p.`model` = d.`productModel` WHERE p.`id` IS NULL GROUP BY d.`productModel`",
    );
    await queryRunner.query('ALTER TABLE `device` ADD `productId` char(36) NULL');
    await queryRunner.query('UPDATE `device` d JOIN `product` p ON p.`model` = d.`productModel` SET d.`productId` = p.`id`');
    await queryRunner.query('ALTER TABLE `device` MODIFY `productId` char(36) NOT NULL');
    await queryRunner.query('ALTER TABLE `device` DROP COLUMN `productModel`');
    await queryRunner.query('ALTER TABLE `device` ADD `installedVersion` varchar(32) NULL');
    await queryRunner.query("ALTER TABLE `device` ADD `registrationChannel` varchar(24) NOT NULL DEFAULT 'POLY_LENS'");
    await queryRunner.query(
      'ALTER TABLE `device` ADD CONSTRAINT `FK_device_product` FOREIGN KEY (`productId`) REFERENCES `product`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `software_release` ADD CONSTRAINT `FK_software_release_product` FOREIGN KEY (`productId`) REFERENCES `product`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `licence` ADD CONSTRAINT `FK_licence_device` FOREIGN KEY (`deviceId`) REFERENCES `device`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `licence` DROP FOREIGN KEY `FK_licence_device`');
    await queryRunner.query('ALTER TABLE `software_release` DROP FOREIGN KEY `FK_software_release_product`');
    await queryRunner.query('ALTER TABLE `device` DROP FOREIGN KEY `FK_device_product`');
    await queryRunner.query('ALTER TABLE `device` DROP COLUMN `registrationChannel`');
    await queryRunner.query('ALTER TABLE `device` DROP COLUMN `installedVersion`');
    await queryRunner.query("ALTER TABLE `device` ADD `productModel` varchar(100) NOT NULL DEFAULT ''");
    await queryRunner.query('UPDATE `device` d JOIN `product` p ON p.`id` = d.`productId` SET d.`productModel` = p.`model`');
    await queryRunner.query('ALTER TABLE `device` ALTER `productModel` DROP DEFAULT');
    await queryRunner.query('ALTER TABLE `device` DROP COLUMN `productId`');
    await queryRunner.query('DROP INDEX `IDX_licence_device` ON `licence`');
    await queryRunner.query('DROP INDEX `UQ_licence_key` ON `licence`');
    await queryRunner.query('DROP TABLE `licence`');
    await queryRunner.query('DROP INDEX `UQ_software_release_product_version` ON `software_release`');
    await queryRunner.query('DROP TABLE `software_release`');
    await queryRunner.query('DROP INDEX `UQ_onsite_rule_place_type` ON `onsite_availability_rule`');
    await queryRunner.query('DROP TABLE `onsite_availability_rule`');
    await queryRunner.query('DROP INDEX `UQ_product_model` ON `product`');
    await queryRunner.query('DROP TABLE `product`');
  }
}
