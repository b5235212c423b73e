/** MapLibre's CSP build has the same API as the main build, which carries the types. */
declare module 'maplibre-gl/dist/maplibre-gl-csp.js' {
	import maplibregl from 'maplibre-gl';
	export default maplibregl;
}
