import '../lib/zod-csp';
import { boot } from '../lib/boot';
import App from './App.svelte';

boot('operator', App);
