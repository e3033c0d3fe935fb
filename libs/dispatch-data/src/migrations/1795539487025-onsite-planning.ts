import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OnsitePlanning1795539487025 implements MigrationInterface {
  name = 'OnsitePlanning1795539487025';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `technician_absence` (`id` char(36) NOT NULL, `technicianId` char(36) NOT NULL, `kind` varchar(16) NOT NULL, `startsAt` datetime(3) NOT NULL, `endsAt` datetime(3) NOT NULL, INDEX `IDX_technician_absence_technician` (`technicianId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query("ALTER TABLE `technician` ADD `skills` varchar(500) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `technician` ADD `homeLatitude` double NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `technician` ADD `homeLongitude` double NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `technician` ADD `timeZone` varchar(64) NOT NULL DEFAULT 'UTC'");
    await queryRunner.query("ALTER TABLE `technician` ADD `workFrom` char(5) NOT NULL DEFAULT '08:00'");
    await queryRunner.query("ALTER TABLE `technician` ADD `workTo` char(5) NOT NULL DEFAULT '17:00'");
    await queryRunner.query("ALTER TABLE `technician` ADD `maxDailyWorkMinutes` int UNSIGNED NOT NULL DEFAULT '480'");
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `latitude` double NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `longitude` double NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `siteTimeZone` varchar(64) NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `siteCountryCode` char(2) NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `siteSubdivision` varchar(16) NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `releaseAt` datetime(3) NULL');
    await queryRunner.query("ALTER TABLE `onsite_visit` ADD `durationMinutes` int UNSIGNED NOT NULL DEFAULT '90'");
    await queryRunner.query("ALTER TABLE `onsite_visit` ADD `requiredSkills` varchar(500) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `onsite_visit` ADD `severity` tinyint UNSIGNED NOT NULL DEFAULT '3'");
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `pinned` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `arrivalAt` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `travelMinutes` int UNSIGNED NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `routeSequence` int UNSIGNED NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `unassignedReason` varchar(32) NULL');
    await queryRunner.query('ALTER TABLE `onsite_visit` ADD `planVersion` int UNSIGNED NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `planVersion`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `unassignedReason`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `routeSequence`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `travelMinutes`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `arrivalAt`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `pinned`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `severity`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `requiredSkills`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `durationMinutes`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `releaseAt`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `siteSubdivision`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `siteCountryCode`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `siteTimeZone`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `longitude`');
    await queryRunner.query('ALTER TABLE `onsite_visit` DROP COLUMN `latitude`');
    await queryRunner.query('ALTER TABLE `technician` DROP COLUMN `maxDailyWorkMinutes`');
    await queryRunner.query('ALTER TABLE `technician` DROP COLUMN `workTo`');
    await queryRunner.query('ALTER TABLE `technician` DROP COLUMN `workFrom`');
    await queryRunner.query('ALTER TABLE `technician` DROP COLUMN `timeZone`');
    await queryRunner.query('ALTER TABLE `technician` DROP COLUMN `homeLongitude`');
    await queryRunner.query('ALTER TABLE `technician` DROP COLUMN `homeLatitude`');
    await queryRunner.query('ALTER TABLE `technician` DROP COLUMN `skills`');
    await queryRunner.query('DROP INDEX `IDX_technician_absence_technician` ON `technician_absence`');
    await queryRunner.query('DROP TABLE `technician_absence`');
  }
}
