/**
 * Agreement with reference outcomes on real elections (../shared/data, never copied here):
 * `pabulib-reference/<file>.json` holds each rule's winners in selection order as computed by
 * pabutools 1.2.3 (exact rationals, ties by id) and by equalshares.net's code (ties by most
 * votes, then lower cost, then id), and the real winners (`real_selected`). Every disagreement
 * is listed below as an asserted, explained exception.
 *
 * Not compared: `greedy_card` (greedy by votes per unit of cost) and `maximin`, which are not
 * rules Powershare offers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, listSharedFiles, readSharedText } from '../../testing/shared-data';
import { parsePabulib } from './pabulib';
import { count, optionsFromMeta, toInstance } from './index';
import type { CountOptions, Instance, PabulibElection } from './types';

const hasData =
	hasSharedData('pabulib', 'agreement with Pabulib reference outcomes') &&
	hasSharedData('pabulib-reference', 'agreement with Pabulib reference outcomes');

/** Powershare options reproducing each reference key. */
const REFERENCE_RULES: Record<string, CountOptions> = {
	// pabutools greedy_utilitarian_welfare with cost satisfaction: by votes, ties by id.
	greedy_cost: { rule: 'greedy', tieBreak: 'id' },
	mes_cost: { rule: 'mes', tieBreak: 'id', utility: 'cost' },
	mes_card: { rule: 'mes', tieBreak: 'id', utility: 'approval' },
	phragmen: { rule: 'phragmen', tieBreak: 'id' },
	// pabutools MES with voter_budget_increment=1 (from B/n, stops when exhaustive) completed by greedy.
	mes_cost_add1_greedy: {
		rule: 'mes',
		tieBreak: 'id',
		utility: 'cost',
		completion: 'add1',
		integralStart: false,
		exhaustiveStop: true,
		utilitarianCompletion: true
	},
	// equalshares.net's add1 ("integral", "exhaustive") without and with utilitarian completion.
	mes_cost_eqnet_add1: {
		rule: 'mes',
		tieBreak: 'votes-cost-id',
		utility: 'cost',
		completion: 'add1',
		integralStart: true,
		exhaustiveStop: true
	},
	mes_cost_eqnet_add1u: {
		rule: 'mes',
		tieBreak: 'votes-cost-id',
		utility: 'cost',
		completion: 'add1',
		integralStart: true,
		exhaustiveStop: true,
		utilitarianCompletion: true
	}
};

/** Real outcomes that no standard rule reproduces, with the reason from the file's comment. */
const UNSUPPORTED_META: Record<string, string> = {
	'Hungary_Budapest_2024.pb': 'rule "unknown"',
	'Hungary_Budapest_2025_VIII_Jozsefvaros.pb': 'rule "unknown"',
	'Poland_Lodz_2020.pb': 'greedy-custom: city-specific rule described in the comment',
	'Poland_Poznan_2023_13_-_Jezyce_sw.Lazarz.pb':
		'greedy-custom: Poznań funds projects until the next would exceed 80% of the budget',
	'Poland_Warszawa_2024_Bielany.pb': 'greedy-exclusive: mutually exclusive projects'
};

type Reference = {
	converted_to_approval: boolean;
	real_selected: string[];
	rules: Record<string, { status: string; selected_order?: string[] }>;
};

const files = hasData ? listSharedFiles('pabulib', '.pb') : [];

describe.skipIf(!hasData)('agreement with reference outcomes', () => {
	describe.each(files)('%s', (file) => {
		let election: PabulibElection;
		let instance: Instance;
		let reference: Reference;
		beforeAll(() => {
			election = parsePabulib(readSharedText('pabulib', file), file).election;
			reference = JSON.parse(
				readSharedText('pabulib-reference', file.replace(/\.pb$/, '.json'))
			) as Reference;
			// The references count ranked ballots as approvals (`converted_to_approval`).
			instance = toInstance(
				election,
				reference.converted_to_approval ? { scoringFn: 'approval' } : {}
			);
		});

		it.each(Object.keys(REFERENCE_RULES))(
			'%s selects the reference winners in order',
			(key) => {
				const ref = reference.rules[key];
				if (!ref || ref.status !== 'ok') return; // not computed for this file (too slow for pabutools)
				const want = ref.selected_order!;
				const got = count(instance, REFERENCE_RULES[key]!).selected;
				// pabutools' Phragmén returns its outcome as a set, so the file lists it sorted by id.
				if (key === 'phragmen') expect([...got].sort()).toEqual([...want].sort());
				else expect(got).toEqual(want);
			},
			120_000
		);

		it('the META rule reproduces the real winners', () => {
			const options = optionsFromMeta(election.meta);
			if (file in UNSUPPORTED_META) {
				expect(options).toHaveProperty('unsupported');
				return;
			}
			expect(options).not.toHaveProperty('unsupported');
			const got = count(toInstance(election), options as CountOptions).selected;
			expect([...got].sort()).toEqual([...reference.real_selected].sort());
		}, 120_000);
	});
});
