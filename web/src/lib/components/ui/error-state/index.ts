export { default as ErrorState } from './error-state.svelte';
