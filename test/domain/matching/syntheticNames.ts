// Name pools for the synthetic people of the matching tests and benchmark. Nicknames are
// written here independently of the engine's table, as people use them.

/** "Formal:nick,nick", most frequent first. */
export const ENGLISH_FIRST_NAMES = `James:Jim,Jimmy Mary:Molly Robert:Bob,Rob,Bobby Patricia:Pat,Patty,Trish John:Jack,Johnny
Jennifer:Jen,Jenny Michael:Mike Linda David:Dave Elizabeth:Liz,Beth,Betty,Eliza William:Bill,Will,Billy
Barbara:Barb Richard:Rick,Rich,Dick Susan:Sue Joseph:Joe Jessica:Jess Thomas:Tom Sarah:Sally
Christopher:Chris Karen Charles:Charlie,Chuck Lisa Daniel:Dan,Danny Nancy Matthew:Matt Betty
Anthony:Tony Margaret:Maggie,Peggy,Meg Mark Sandra Donald:Don Ashley Steven:Steve Kimberly:Kim
Andrew:Andy,Drew Emily:Em Paul Donna Joshua:Josh Michelle Kenneth:Ken Carol Kevin Amanda:Mandy
Brian Melissa:Missy Timothy:Tim Deborah:Deb,Debbie George Stephanie:Steph Ronald:Ron Rebecca:Becky
Jason Sharon Edward:Ed,Eddie,Ted Laura Jeffrey:Jeff Cynthia:Cindy Ryan Dorothy:Dot Jacob:Jake
Amy Gary Kathleen:Kathy Nicholas:Nick Angela:Angie Eric Shirley Jonathan:Jon Brenda Stephen:Steve
Emma Larry Anna Justin Pamela:Pam Scott Nicole:Nikki Brandon Samantha:Sam Benjamin:Ben
Katherine:Kate,Katie,Kathy Samuel:Sam Christine:Chris Gregory:Greg Debra Alexander:Alex Rachel
Frank Carolyn Patrick:Pat Janet Raymond:Ray Catherine:Cathy,Kate Jack Maria Dennis Heather Jerry
Diane Tyler Ruth Aaron Julie Jose Olivia:Liv Adam Joyce Nathan:Nate Virginia:Ginny Henry:Hank
Victoria:Vicky Douglas:Doug Kelly Zachary:Zach Lauren Peter:Pete Christina:Tina Kyle Joan
Noah Evelyn Ethan Judith:Judy Jeremy Megan:Meg Walter:Walt Andrea Christian Cheryl Keith
Hannah Roger Jacqueline:Jackie Terry Martha Austin Gloria Sean Teresa:Terry Gerald:Jerry Ann:Annie
Carl Kathryn:Kate Harold:Hal Sara Dylan Janice Arthur:Art Jean Lawrence:Larry Abigail:Abby
Jordan Alice Jesse Judy Bryan Sophia Billy Grace Bruce Denise Gabriel:Gabe Amber Joe Doris
Logan Marilyn Albert:Al Danielle Willie Beverly Alan Isabella:Bella Juan Theresa:Tess Wayne Diana
Elijah Natalie:Nat Randy Brittany Roy Charlotte Vincent:Vince Marie Ralph Kayla Eugene:Gene Alexis`
  .split(/\s+/)
  .filter((e) => e !== "");

export const HISPANIC_FIRST_NAMES = `José:Pepe María Jesús:Chuy Andrés Sofía Lucía Martín Ramón Inés Raúl Héctor
Óscar Iván Adrián Rubén Mónica Verónica Ángel Julián Carlos Juan Luis Miguel Jorge Ana Rosa Carmen
Elena Alejandro:Alex Francisco:Paco Guadalupe:Lupe Manuel:Manny Dolores:Lola Ignacio:Nacho Beatriz
Joaquín Tomás Nicolás Cristina Begoña Íñigo Fátima Marisol Yolanda Ximena Sergio Eduardo Ricardo
Fernando Roberto Alberto Arturo Armando Enrique Gerardo Javier Pablo Pedro Rafael Salvador Santiago
Diego Emilio Esteban Felipe Gustavo Hugo Leonardo Mauricio Orlando Rodrigo Víctor Adriana Alejandra
Alicia Araceli Blanca Claudia Daniela Diana Esperanza Gabriela Graciela Irma Isabel Josefina Leticia
Lorena Luz Margarita Marta Norma Patricia Paula Pilar Raquel Rocío Silvia Susana Teresa Valeria`
  .split(/\s+/)
  .filter((e) => e !== "");

export const HISPANIC_LAST_NAMES = `García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez
Torres Flores Rivera Gómez Díaz Reyes Cruz Morales Ortiz Gutiérrez Chávez Ramos Ruiz Álvarez Jiménez
Mendoza Vásquez Castillo Romero Herrera Medina Aguilar Muñoz Núñez Peña Ibáñez Domínguez Fernández
Moreno Vargas Castro Guzmán Salazar Delgado Contreras Figueroa Espinoza Sandoval Cortés Valdez Ríos
Juárez Estrada Orozco Cervantes Maldonado Navarro Rosales Acosta Trujillo Cárdenas Campos Fuentes
Villanueva Cabrera Serrano Pacheco Lara Bautista Zamora Quintero Beltrán Ochoa Galván Sosa Velázquez`.split(/\s+/);

export const VIETNAMESE_FIRST_NAMES = `Lan Minh Anh Hoa Linh Tuấn Hùng Đức Mai Thanh Hương Thảo Nam Phúc Quang
Trang Vy Khoa Bảo Dũng Hải Hiếu Ngọc Phương Thủy Tâm Long Huy Khánh Thắng Vinh Toàn Sơn Cường Hạnh
Hằng Nga Oanh Quyên Yến Xuân Diệp Loan Thư Uyên Kim Liên Nhung Duyên Tú`.split(/\s+/);

/** Vietnamese middle names, often written as part of the first name in US records. */
export const VIETNAMESE_MIDDLE_NAMES = ["Thị", "Văn", "Ngọc", "Minh", "Đức"];

export const VIETNAMESE_LAST_NAMES = `Nguyễn Trần Lê Phạm Huỳnh Hoàng Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý`.split(/\s+/);

/** US surnames, most frequent first (Smith is about 1% of people). */
export const ENGLISH_LAST_NAMES = `Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Thomas
Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King
Wright Scott Hill Green Adams Nelson Baker Hall Campbell Mitchell Carter Roberts Phillips Evans Turner
Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Kelly
Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders Myers Long Ross
Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson Coleman Simmons Patterson Jordan Reynolds
Hamilton Graham Wallace Woods Cole West Owens Marshall Ellis Stevens Tucker Porter Hunter Hicks
Crawford Boyd Mason Warren Dixon Burns Gordon Shaw Holmes Rice Hunt Black Daniels Palmer Mills Grant
Knight Ferguson Stone Hawkins Dunn Perkins Hudson Spencer Stephens Pierce Berry Matthews Arnold Wagner
Willis Watkins Olson Carroll Duncan Snyder Hart Cunningham Bradley Lane Andrews Harper Fox Riley
Armstrong Carpenter Weaver Greene Lawrence Elliott Sims Austin Peters Kelley Franklin Lawson Fields
Ryan Schmidt Carr Wheeler Chapman Oliver Montgomery Richards Williamson Johnston Banks Meyer Bishop
McCoy Howell Morrison Hansen Harrison O'Brien O'Connor McDonald D'Angelo O'Neil MacKenzie St.John`.split(/\s+/);

// Rarer surnames, built from parts, for the long tail real payrolls have.
const TAIL_STARTS = `Ash Bel Brad Cal Dun Els Fair Gar Hal Kings Lang Mar North Pem Rad Shel Stan Thorn Wes
Wick Ald Brom Chad Dal Eg Fen Gris Hol Ing Kel Lind Mor Nor Oak Pen Rut Sut Tal Und Wal`.split(/\s+/);
const TAIL_ENDS = `ford ley ton wood field well by ham worth more ridge stead brook combe den gate land mere
shaw wick`.split(/\s+/);
export const TAIL_LAST_NAMES = TAIL_STARTS.flatMap((s) => TAIL_ENDS.map((e) => s + e));
