import { Command } from 'commander';
import { AppConfig } from '@cong/platform-config';
import { Migrator } from '@cong/platform-database';

function migratorFor(config: AppConfig): Migrator {
  return new Migrator({
    ownerUrl: config.database.ownerUrl,
    appRole: config.database.appRole,
    appPassword: config.database.appPassword,
    publicRole: config.database.publicRole,
    publicPassword: config.database.publicPassword,
  });
}

/** `cong db migrate|revert|status`: schema changes, run as the owner at DATABASE_URL. */
export function dbCommand(config: () => AppConfig): Command {
  const db = new Command('db').description('Lược đồ cơ sở dữ liệu (chạy với quyền chủ sở hữu tại DATABASE_URL)');

  db.command('migrate')
    .description('Áp dụng các migration còn thiếu và bảo đảm vai trò ứng dụng tồn tại (chạy lại không thay đổi gì)')
    .action(async () => {
      const applied = await migratorFor(config()).migrate();
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'Database is up to date.');
    });

  db.command('revert')
    .description('Hoàn tác migration mới nhất')
    .action(async () => {
      const reverted = await migratorFor(config()).revert();
      console.log(reverted ? `Reverted ${reverted}.` : 'No migration to revert.');
    });

  db.command('status')
    .description('Liệt kê các migration và trạng thái áp dụng')
    .action(async () => {
      const status = await migratorFor(config()).status();
      for (const m of status) console.log(`${m.applied ? '[x]' : '[ ]'} ${m.name}`);
      const pending = status.filter((m) => !m.applied).length;
      console.log(pending ? `${pending} pending.` : 'All applied.');
    });

  return db;
}
