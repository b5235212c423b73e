/**
 * Entry point of the `powershare` command line. Each sub-command lives in its own file and is
 * loaded only when asked for, so `powershare count` never loads the database layer.
 */
type Command = {
	summary: string;
	load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
};

const commands: Record<string, Command> = {
	count: {
		summary: 'count a Pabulib (.pb) election with its META rule or a chosen one',
		load: () => import('./count')
	},
	verify: {
		summary: "check a Pabulib file's selected projects against its META rule",
		load: () => import('./verify')
	},
	panel: {
		summary: "select a citizens' panel by stratified sortition",
		load: () => import('./panel')
	},
	import: {
		summary: 'import places (GeoJSON), community spaces (CSV) or a budgeting process (.pb)',
		load: () => import('./import')
	}
};

function usage(): string {
	const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
	return [
		'Usage: powershare <command> [options]',
		'',
		'Commands:',
		...lines,
		'',
		'Run `powershare <command> --help` for the options of a command.'
	].join('\n');
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h') {
		console.log(usage());
		return name ? 0 : 1;
	}
	const command = commands[name];
	if (!command) {
		console.error(`powershare: unknown command "${name}"\n\n${usage()}`);
		return 2;
	}
	const module = await command.load();
	return module.run(rest);
}
