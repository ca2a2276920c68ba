import type { Detector } from '../detector.js';

export const gitlabDetectors: Detector[] = [];
