import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiTokenEntity, UserEntity } from '@factdesk/persistence';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, ApiTokenEntity])],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}
