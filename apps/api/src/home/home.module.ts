import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';

/** The platform's front door: `/` and `/api/v1` answer with where to go. */
@Module({ controllers: [HomeController] })
export class HomeModule {}
