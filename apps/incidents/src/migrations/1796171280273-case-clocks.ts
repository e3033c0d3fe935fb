import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseClocks1796171280273 implements MigrationInterface {
  name = 'CaseClocks1796171280273';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `incident_clock_pause` (`id` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `reason` varchar(24) NOT NULL, `source` varchar(20) NOT NULL, `sourceId` char(36) NULL, `startedAt` datetime(3) NOT NULL, `endedAt` datetime(3) NULL, `openedBy` varchar(100) NOT NULL, `closedBy` varchar(100) NULL, `note` varchar(500) NULL, `closeNote` varchar(500) NULL, `openKey` varchar(100) NULL, UNIQUE INDEX `UQ_incident_clock_pause_open` (`openKey`), INDEX `IDX_incident_clock_pause_incident` (`incidentId`, `startedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `incident_severity_change` (`sequence` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `incidentId` char(36) NOT NULL, `at` datetime(3) NOT NULL, `fromSeverity` tinyint UNSIGNED NOT NULL, `toSeverity` tinyint UNSIGNED NOT NULL, `resolutionTargetMinutes` int UNSIGNED NOT NULL, `responseDueAt` datetime(3) NULL, `reason` varchar(500) NOT NULL, `actor` varchar(100) NOT NULL, INDEX `IDX_incident_severity_change_incident` (`incidentId`, `sequence`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `incident_consumed_event` (`eventId` char(36) NOT NULL, `topic` varchar(64) NOT NULL, `consumedAt` datetime(3) NOT NULL, PRIMARY KEY (`eventId`)) ENGINE=InnoDB',
    );
    // Cases opened before contact times existed started when they were logged, with the default targets of their severity.
    await queryRunner.query('ALTER TABLE `incident` ADD `contactedAt` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `incident` ADD `resolutionTargetMinutes` int UNSIGNED NULL');
    await queryRunner.query(
      'UPDATE `incident` SET `contactedAt` = `reportedAt`, `resolutionTargetMinutes` = CASE `severity` WHEN 1 THEN 240 WHEN 2 THEN 570 ELSE 1710 END',
    );
    await queryRunner.query('ALTER TABLE `incident` MODIFY `contactedAt` datetime(3) NOT NULL');
    await queryRunner.query('ALTER TABLE `incident` MODIFY `resolutionTargetMinutes` int UNSIGNED NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `resolutionTargetMinutes`');
    await queryRunner.query('ALTER TABLE `incident` DROP COLUMN `contactedAt`');
    await queryRunner.query('DROP TABLE `incident_consumed_event`');
    await queryRunner.query('DROP INDEX `IDX_incident_severity_change_incident` ON `incident_severity_change`');
    await queryRunner.query('DROP TABLE `incident_severity_change`');
    await queryRunner.query('DROP INDEX `IDX_incident_clock_pause_incident` ON `incident_clock_pause`');
    await queryRunner.query('DROP INDEX `UQ_incident_clock_pause_open` ON `incident_clock_pause`');
    await queryRunner.query('DROP TABLE `incident_clock_pause`');
  }
}
