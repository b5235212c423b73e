/**
 * Queries built once per database handle. Drizzle turns a query builder into SQL on every call,
 * which costs more than the database's own work for a small lookup; a query that runs on every
 * ballot is worth building once:
 *
 *     const findCode = preparedQuery((db) =>
 *       db.select().from(codes).where(eq(codes.hash, sql.placeholder('hash'))).prepare('find_code')
 *     );
 *     const [code] = await findCode(db).execute({ hash });
 *
 * Kept by handle in a WeakMap, so a transaction's handle gets its own and drops it when it ends.
 */
import type { Executor } from './client';

export function preparedQuery<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
	const built = new WeakMap<Executor, Q>();
	return (db) => {
		let query = built.get(db);
		if (!query) {
			query = build(db);
			built.set(db, query);
		}
		return query;
	};
}
