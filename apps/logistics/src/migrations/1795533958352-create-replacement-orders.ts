import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReplacementOrders1795533958352 implements MigrationInterface {
  name = 'CreateReplacementOrders1795533958352';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `replacement_order` (`id` char(36) NOT NULL, `incidentId` char(36) NOT NULL, `partNumber` varchar(64) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'ORDERED', `orderedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `IDX_replacement_order_incident` (`incidentId`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_replacement_order_incident` ON `replacement_order`');
    await queryRunner.query('DROP TABLE `replacement_order`');
  }
}
