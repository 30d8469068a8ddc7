import { Module } from '@nestjs/common';
import { UnitDirectory } from './unit-directory.service';
import { UnitRepository } from './unit.repository';

@Module({ providers: [UnitRepository, UnitDirectory], exports: [UnitRepository, UnitDirectory] })
export class UnitsModule {}
