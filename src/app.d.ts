// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/platform/accounts';
import type { Actor } from '$lib/server/platform/permissions';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** A reference to quote to support; the same id is in the server log. */
			errorId?: string;
		}
		interface Locals {
			/** The signed-in person as pages show them, or null. */
			user: SessionUser | null;
			/** Who is acting, for permission checks in use cases. */
			actor: Actor;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
