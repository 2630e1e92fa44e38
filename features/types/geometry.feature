@types
Feature: Spatial types as WKT, compared by geometry
  Debezium 3.4.0.Final, debezium-connector-binlog: BinlogGeometryIT (geometry_test_8.sql on MySQL 8,
  geometry_test_5.sql on MySQL 5 and MariaDB; DBZ-222, DBZ-507); the "Spatial types" table of the MySQL and
  MariaDB connector documentation: GEOMETRY, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON and
  GEOMETRYCOLLECTION are io.debezium.data.geometry.Geometry (wkb, srid); POINT is io.debezium.data.geometry.Point
  (x, y, wkb, srid). A geometry is written as WKT (the SRID not checked), as EWKT SRID=4326;POINT(1 1) or as
  ST_GeomFromText('POINT(1 1)', 4326) (the SRID checked; none is 0, which arrives as a null srid).

  MySQL 8 takes the WKT of a geographic SRS such as 4326 as latitude-longitude and stores x = longitude: the
  event's point is the WKT's coordinates swapped (the test's "MySQL 8 returns X and Y in a different order").
  MySQL 8 refuses the unknown SRID 1234 of geometry_test_5.sql.

  Scenario Outline: points and geometries of BinlogGeometryIT on <flavour>
    BinlogGeometryIT.shouldConsumeAllEventsFromDatabaseUsingBinlogAndNoSnapshot.

    Given the connector "types-connector" is registered from "connectors/types-connector.json"
    When I execute the SQL file "sql/types/<sql>"
    Then topic "types.types.dbz_222_point" receives a create event with:
      | after.id          | 1          |
      | after.point       | POINT(1 1) |
      | after.point.x     | 1          |
      | after.point.y     | 1          |
      | after.point.srid  | null       |
      | after.expected_x  | 1          |
    And topic "types.types.dbz_222_point" receives a create event with:
      | after.id         | 2                    |
      | after.point      | SRID=4326;<point 2>  |
      | after.point.srid | 4326                 |
      | after.expected_x | 8.25554554           |
      | after.expected_y | 3.22124447           |
    And topic "types.types.dbz_222_point" receives a create event with:
      | after.id         | <null point id> |
      | after.point      | null            |
    And topic "types.types.dbz_507_geometry" holds these events in any order:
      | op     | after.id | after.geom                | after.linestring                | after.polygon                                    | after.collection                                                 |
      | create | 1        | SRID=4326;POINT(1 1)      | SRID=3187;LINESTRING(0 0, 1 1)  | ST_GeomFromText('POLYGON((0 0, 1 1, 1 0, 0 0))') | SRID=4326;GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 1 1))   |
      | create | 2        | SRID=0;LINESTRING(0 0,1 1) | null                           | null                                             | null                                                             |
    And topic "types.types.dbz_507_geometry" receives a create event with:
      | after.id              | 1                                                                                 |
      | after.geom.srid       | 4326                                                                              |
      | after.geom.wkb        | 0x0101000000000000000000F03F000000000000F03F                                      |
      | after.linestring.wkb  | 0x01020000000200000000000000000000000000000000000000000000000000F03F000000000000F03F |
      | after.polygon.srid    | null                                                                              |
    And topic "types.types.spatial_mappings" receives a create event with:
      | after.g   | POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 2 2))                     |
      | after.p   | POINT(-1.5 2.25)                                                                  |
      | after.p.x | -1.5                                                                              |
      | after.l   | LINESTRING(0 0, 1 2, 3 4)                                                         |
      | after.pg  | POLYGON((0 0, 1 0, 1 1, 0 0))                                                     |
      | after.mp  | MULTIPOINT((1 1), (2 2))                                                          |
      | after.ml  | MULTILINESTRING((0 0, 1 1), (2 2, 3 3))                                           |
      | after.mpg | MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))                      |
      | after.gc  | GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1), POLYGON((0 0, 1 0, 1 1, 0 0))) |

    @mysql-only
    Examples: MySQL 8 stores a geographic point longitude first
      | flavour | sql            | point 2                      | null point id |
      | MySQL   | geometry_8.sql | POINT(3.22124447 8.25554554) | 3             |

    @mariadb-only
    Examples: MariaDB keeps the WKT's order
      | flavour | sql            | point 2                      | null point id |
      | MariaDB | geometry_5.sql | POINT(8.25554554 3.22124447) | 4             |
