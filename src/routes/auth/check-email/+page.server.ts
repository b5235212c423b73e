import { readSentMail } from '../flash';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies }) => {
	const sent = readSentMail(cookies);
	return { kind: sent?.kind ?? 'link', email: sent?.email ?? null };
};
