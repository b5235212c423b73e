import { acv } from './acv';
import { admin } from './admin';
import { assets } from './assets';
import { auth } from './auth';
import { budgetingIdeas } from './budgeting-ideas';
import { budgetingResults } from './budgeting-results';
import { budgetingVoting } from './budgeting-voting';
import { common } from './common';
import { panels } from './panels';
import { places } from './places';
import { transfer } from './transfer';

/**
 * The complete English catalogue: every message key in Powershare. English is the source
 * language; every other locale falls back to it key by key.
 *
 * To add a module's messages, create `en/<module>.ts` exporting an object whose keys start with
 * `<module>.` and spread it here.
 */
export const en = {
	...common,
	...auth,
	...places,
	...admin,
	...acv,
	...assets,
	...transfer,
	...budgetingIdeas,
	...budgetingResults,
	...budgetingVoting,
	...panels
} as const;

/** Any message key; `t('no.such.key')` is a compile-time error. */
export type MessageKey = keyof typeof en;
