/**
 * Background jobs stored in the database, so they survive a restart. pg-boss needs features
 * PGlite lacks (LISTEN across connections, advisory locks in its schema), so this is a small
 * equivalent that runs on both engines: jobs are claimed with `FOR UPDATE SKIP LOCKED` and held
 * by a lease (`locked_until`). A job whose worker died is claimed again when its lease expires;
 * a failed job is retried with exponential back-off until `max_attempts`.
 */
import { and, eq, lte, or, sql, isNull, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { newId } from './ids';
import { childLogger } from './logger';
import { platformJobs } from './schema';

const log = childLogger({ component: 'jobs' });

/** A job row. */
export type Job = typeof platformJobs.$inferSelect;

/** Options when queueing a job. */
export type EnqueueOptions = {
	runAt?: Date;
	maxAttempts?: number;
	/** At most one job with this key is ever queued; a second enqueue returns the first's id. */
	singletonKey?: string;
};

/** Queues a job. Call it inside the transaction of the action that needs it. */
export async function enqueueJob(
	db: Executor,
	queue: string,
	payload: Record<string, unknown>,
	options: EnqueueOptions = {}
): Promise<string> {
	const id = newId();
	const inserted = await db
		.insert(platformJobs)
		.values({
			id,
			queue,
			payload,
			runAt: options.runAt ?? new Date(),
			maxAttempts: options.maxAttempts ?? 5,
			singletonKey: options.singletonKey ?? null
		})
		.onConflictDoNothing({ target: platformJobs.singletonKey })
		.returning({ id: platformJobs.id });
	if (inserted[0]) return inserted[0].id;
	const [existing] = await db
		.select({ id: platformJobs.id })
		.from(platformJobs)
		.where(eq(platformJobs.singletonKey, options.singletonKey!));
	return existing!.id;
}

/**
 * Claims the next due job of the given queues, or returns null. A job is due when queued and its
 * time has come, or running with an expired lease (its worker stopped mid-way).
 */
export async function claimJob(
	db: Database,
	queues: string[],
	options: { leaseMs?: number; now?: Date } = {}
): Promise<Job | null> {
	const now = options.now ?? new Date();
	const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? 5 * 60_000));
	return db.transaction(async (tx) => {
		const [candidate] = await tx
			.select({ id: platformJobs.id })
			.from(platformJobs)
			.where(
				and(
					inArray(platformJobs.queue, queues),
					or(
						and(eq(platformJobs.status, 'queued'), lte(platformJobs.runAt, now)),
						and(
							eq(platformJobs.status, 'running'),
							or(isNull(platformJobs.lockedUntil), lte(platformJobs.lockedUntil, now))
						)
					)
				)
			)
			.orderBy(platformJobs.runAt)
			.limit(1)
			.for('update', { skipLocked: true });
		if (!candidate) return null;
		const [job] = await tx
			.update(platformJobs)
			.set({
				status: 'running',
				lockedUntil: leaseUntil,
				attempts: sql`${platformJobs.attempts} + 1`
			})
			.where(eq(platformJobs.id, candidate.id))
			.returning();
		return job ?? null;
	});
}

/** Marks a job done with its result. */
export async function completeJob(
	db: Executor,
	id: string,
	result: Record<string, unknown> = {}
): Promise<void> {
	await db
		.update(platformJobs)
		.set({ status: 'done', result, lockedUntil: null, finishedAt: new Date() })
		.where(eq(platformJobs.id, id));
}

/** Records a failure: retried later with back-off, or failed for good after max attempts. */
export async function failJob(
	db: Executor,
	job: Job,
	error: unknown,
	now = new Date()
): Promise<void> {
	const message = error instanceof Error ? error.message : String(error);
	const isFinal = job.attempts >= job.maxAttempts;
	const backoffMs = Math.min(2 ** job.attempts * 1000, 60 * 60_000);
	await db
		.update(platformJobs)
		.set(
			isFinal
				? { status: 'failed', lastError: message, lockedUntil: null, finishedAt: now }
				: {
						status: 'queued',
						lastError: message,
						lockedUntil: null,
						runAt: new Date(now.getTime() + backoffMs)
					}
		)
		.where(eq(platformJobs.id, job.id));
}

/** Reports a running job's progress, shown to organisers (e.g. "counted 40,000 of 90,000"). */
export async function reportProgress(
	db: Executor,
	id: string,
	progress: Record<string, unknown>
): Promise<void> {
	await db.update(platformJobs).set({ progress }).where(eq(platformJobs.id, id));
}

/** Reads a job. */
export async function getJob(db: Executor, id: string): Promise<Job | null> {
	const [job] = await db.select().from(platformJobs).where(eq(platformJobs.id, id));
	return job ?? null;
}

/** What a handler gets besides the payload. */
export type JobContext = {
	db: Database;
	job: Job;
	progress: (p: Record<string, unknown>) => Promise<void>;
};

/** Handlers by queue name. */
export type JobHandlers = Record<
	string,
	(payload: Record<string, unknown>, ctx: JobContext) => Promise<Record<string, unknown> | void>
>;

/** Runs every due job once, in order; returns how many ran. Used by the worker and by tests. */
export async function runDueJobs(
	db: Database,
	handlers: JobHandlers,
	options: { limit?: number } = {}
): Promise<number> {
	const queues = Object.keys(handlers);
	let ran = 0;
	while (ran < (options.limit ?? Infinity)) {
		const job = await claimJob(db, queues);
		if (!job) break;
		ran += 1;
		const handler = handlers[job.queue]!;
		try {
			const result = await handler(job.payload, {
				db,
				job,
				progress: (p) => reportProgress(db, job.id, p)
			});
			await completeJob(db, job.id, result ?? {});
		} catch (error) {
			log.warn(
				{ err: error, jobId: job.id, queue: job.queue, attempt: job.attempts },
				'job failed'
			);
			await failJob(db, job, error);
		}
	}
	return ran;
}

/** Starts polling for jobs; returns a function that stops the worker after the current job. */
export function startWorker(
	db: Database,
	handlers: JobHandlers,
	options: { pollMs?: number } = {}
): () => Promise<void> {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<unknown> = Promise.resolve();
	const tick = () => {
		if (stopped) return;
		running = runDueJobs(db, handlers)
			.catch((error) => log.error({ err: error }, 'job worker tick failed'))
			.finally(() => {
				if (!stopped) timer = setTimeout(tick, options.pollMs ?? 1000);
			});
	};
	tick();
	return async () => {
		stopped = true;
		if (timer) clearTimeout(timer);
		await running;
	};
}
