import { Module } from '@nestjs/common';

import { MyItemsController } from './my-items.controller';
import { MyItemsQueries } from './my-items.queries';
import { MyItemsReader } from './my-items.reader';

/** « Mes échéances » (`GET /me/items`): the signed-in person's open items across roadmaps. */
@Module({
  controllers: [MyItemsController],
  providers: [MyItemsQueries, MyItemsReader],
})
export class MyItemsModule {}
