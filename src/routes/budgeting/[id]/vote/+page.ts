// The ballot works as a plain form; with scripts on, a live summary and budget bar follow the
// voter's choices. Only this page sends JavaScript (see the root layout).
export const csr = true;
