import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDispatch1795534973040 implements MigrationInterface {
  name = 'CreateDispatch1795534973040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `technician` (`id` char(36) NOT NULL, `name` varchar(200) NOT NULL, `region` varchar(32) NOT NULL, INDEX `IDX_technician_region` (`region`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `onsite_visit` (`id` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `siteId` char(36) NOT NULL, `region` varchar(32) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'UNPLANNED', `technicianId` char(36) NULL, `windowStart` datetime(3) NULL, `windowEnd` datetime(3) NULL, `requestedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `IDX_onsite_visit_incident` (`incidentId`), INDEX `IDX_onsite_visit_region_status` (`region`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `region_plan` (`region` varchar(32) NOT NULL, `version` int UNSIGNED NOT NULL, `plannedAt` datetime(3) NOT NULL, `openVisits` int UNSIGNED NOT NULL, PRIMARY KEY (`region`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `region_plan`');
    await queryRunner.query('DROP INDEX `IDX_onsite_visit_region_status` ON `onsite_visit`');
    await queryRunner.query('DROP INDEX `IDX_onsite_visit_incident` ON `onsite_visit`');
    await queryRunner.query('DROP TABLE `onsite_visit`');
    await queryRunner.query('DROP INDEX `IDX_technician_region` ON `technician`');
    await queryRunner.query('DROP TABLE `technician`');
  }
}
