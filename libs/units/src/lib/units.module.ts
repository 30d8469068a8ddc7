import { Module } from '@nestjs/common';
import { UnitRepository } from './unit.repository';

@Module({ providers: [UnitRepository], exports: [UnitRepository] })
export class UnitsModule {}
