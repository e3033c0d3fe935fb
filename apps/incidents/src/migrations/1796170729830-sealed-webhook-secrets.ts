import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook signing secrets are stored sealed (`enc:v1:<key id>:…`, longer than the secret): the
 * columns grow in place, keeping every row; existing plaintext secrets are sealed by the service's
 * re-sealing sweep, not here (a migration does not hold the keyring).
 */
export class SealedWebhookSecrets1796170729830 implements MigrationInterface {
  name = 'SealedWebhookSecrets1796170729830';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `webhook_endpoint` MODIFY `secret` varchar(255) NOT NULL');
    await queryRunner.query('ALTER TABLE `webhook_endpoint` MODIFY `previousSecret` varchar(255) NULL DEFAULT NULL');
  }

  // Only after the secrets are plaintext again: sealed values do not fit 100 characters.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `webhook_endpoint` MODIFY `previousSecret` varchar(100) NULL DEFAULT NULL');
    await queryRunner.query('ALTER TABLE `webhook_endpoint` MODIFY `secret` varchar(100) NOT NULL');
  }
}
