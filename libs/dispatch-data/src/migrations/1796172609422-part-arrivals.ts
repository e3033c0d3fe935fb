import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartArrivals1796172609422 implements MigrationInterface {
  name = 'PartArrivals1796172609422';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `part_arrival` (`replacementOrderId` char(36) NOT NULL, `expectedAt` datetime(3) NULL, `asOf` datetime(3) NOT NULL, PRIMARY KEY (`replacementOrderId`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `part_arrival`');
  }
}
