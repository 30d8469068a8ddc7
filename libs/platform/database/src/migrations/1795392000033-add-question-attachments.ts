import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A citizen's question may carry one file (a photo, a scan, a document), checked like uploads and
 * kept apart from content's media: it is personal data, shown only at the desk, and erased with
 * the asker's contacts. The row holds what the desk shows and where the bytes are.
 */
export class AddQuestionAttachments1795392000033 implements MigrationInterface {
  name = 'AddQuestionAttachments1795392000033';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE citizens_question ADD COLUMN attachment jsonb`);
    await q.query(
      `ALTER TABLE citizens_question ADD CONSTRAINT citizens_question_attachment_shape
        CHECK (attachment IS NULL OR (jsonb_typeof(attachment) = 'object' AND attachment ? 'storageKey' AND attachment ? 'filename'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE citizens_question DROP COLUMN attachment`);
  }
}
