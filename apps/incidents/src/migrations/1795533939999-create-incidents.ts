import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIncidents1795533939999 implements MigrationInterface {
  name = 'CreateIncidents1795533939999';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `incident` (`id` char(36) NOT NULL, `customerId` char(36) NOT NULL, `deviceId` char(36) NOT NULL, `severity` tinyint UNSIGNED NOT NULL, `status` varchar(24) NOT NULL DEFAULT 'NEW', `summary` varchar(500) NOT NULL, `reportedAt` datetime(3) NOT NULL, `version` int NOT NULL, INDEX `IDX_incident_device` (`deviceId`), INDEX `IDX_incident_customer_reported` (`customerId`, `reportedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_incident_customer_reported` ON `incident`');
    await queryRunner.query('DROP INDEX `IDX_incident_device` ON `incident`');
    await queryRunner.query('DROP TABLE `incident`');
  }
}
