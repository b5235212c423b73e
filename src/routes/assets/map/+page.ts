// The map is drawn by MapLibre in the browser; the list at /assets is the script-free equivalent.
export const csr = true;
