/** Defaults of the process form, safe to import in components. */

/** What a new process's form starts with. */
export const newProcessValues: Record<string, string> = {
	ballotType: 'approval',
	maxChoices: '3',
	countingRule: 'mes',
	allowAccounts: '',
	allowCodes: 'yes'
};
