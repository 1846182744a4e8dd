import type { Command } from 'commander';

export function registerBuild(_program: Command, _setCode: (c: number) => void): void {}
