/**
 * A made-up volunteer pool for the demo town: deterministic (the same seed gives the same pool),
 * skewed the way real replies are (older people and home owners reply more), with names from
 * short lists and addresses on the reserved `.example` domain, so nobody real is represented.
 */
import { createRandom } from '../sortition/index';

/** The demo's features and their values, with how often each occurs among the replies. */
export const demoFeatures = {
	Gender: [
		['Woman', 52],
		['Man', 46],
		['Non-binary', 2]
	],
	'Age band': [
		['16-29', 14],
		['30-44', 22],
		['45-64', 34],
		['65 and over', 30]
	],
	Tenure: [
		['Owner', 66],
		['Renter', 34]
	]
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

const givenNames = [
	'Aisha',
	'Ben',
	'Chloe',
	'Dev',
	'Ella',
	'Femi',
	'Gwen',
	'Hamza',
	'Isla',
	'Jack',
	'Kiran',
	'Lena',
	'Marek',
	'Nia',
	'Owen',
	'Poppy',
	'Rhys',
	'Sana',
	'Theo',
	'Una',
	'Vik',
	'Wren',
	'Yusuf',
	'Zara'
];
const familyNames = [
	'Adeyemi',
	'Brown',
	'Chen',
	'Davies',
	'Evans',
	'Fraser',
	'Gill',
	'Hussain',
	'Iqbal',
	'Jones',
	'Kowalski',
	'Lewis',
	'Morgan',
	'Nowak',
	'Okoro',
	'Patel',
	'Quinn',
	'Roberts',
	'Singh',
	'Taylor'
];

/** One demo volunteer. */
export type DemoVolunteer = {
	name: string;
	email: string;
	household: string;
	features: Record<string, string>;
};

/**
 * `count` volunteers, each living in one of `neighbourhoods` (a feature too). About one in ten
 * shares a household with the volunteer before them.
 */
export function generateDemoPool(options: {
	seed: string;
	count: number;
	neighbourhoods: readonly string[];
}): DemoVolunteer[] {
	const random = createRandom(options.seed);
	const pick = (weighted: readonly (readonly [string, number])[]) => {
		const total = weighted.reduce((a, [, w]) => a + w, 0);
		let x = random.next() * total;
		for (const [value, weight] of weighted) {
			x -= weight;
			if (x < 0) return value;
		}
		return weighted[weighted.length - 1]![0];
	};
	const hoods = options.neighbourhoods.map((h, i) => [h, 3 + i] as const);
	const people: DemoVolunteer[] = [];
	for (let i = 0; i < options.count; i++) {
		const given = givenNames[random.int(givenNames.length)]!;
		const family = familyNames[random.int(familyNames.length)]!;
		const previous = people[i - 1];
		const isSameHousehold = previous !== undefined && random.next() < 0.1;
		const neighbourhood = isSameHousehold ? previous.features.Neighbourhood! : pick(hoods);
		people.push({
			name: `${given} ${family}`,
			email: `${given}.${family}.${i + 1}@volunteers.example`.toLowerCase(),
			household: isSameHousehold ? previous.household : `household-${i + 1}`,
			features: {
				Gender: pick(demoFeatures.Gender),
				'Age band': pick(demoFeatures['Age band']),
				Neighbourhood: neighbourhood,
				Tenure: isSameHousehold ? previous.features.Tenure! : pick(demoFeatures.Tenure)
			}
		});
	}
	return people;
}
